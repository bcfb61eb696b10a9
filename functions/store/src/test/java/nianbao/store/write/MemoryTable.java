package nianbao.store.write;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Report;
import nianbao.store.Bodies;
import nianbao.store.Sequencers;
import nianbao.store.item.BodyChunk;
import nianbao.store.item.Keys;
import nianbao.store.item.ListEntry;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.ReviewRecord;
import nianbao.store.item.RuleFindings;
import nianbao.store.item.SourceRecord;

/**
 * The table in memory, for deciding without a server: a {@link Snapshot} of its items, and a commit that applies
 * a decision's writes as one transaction — refused whole, like DynamoDB's, when a head is no longer as read.
 */
final class MemoryTable implements Snapshot {
  private final Map<String, Object> items = new TreeMap<>();
  private final Map<String, Map<String, BigDecimal>> summaries = new TreeMap<>();

  /** A transaction refused: a condition on a head no longer holds. */
  static final class ConditionFailed extends RuntimeException {
    ConditionFailed(String message) {
      super(message);
    }
  }

  private int changes;

  /** Decides {@code change} on what is in memory now, and commits it; each change a second after the one before. */
  Decision apply(Change change) {
    String now = java.time.Instant.parse("2026-12-07T10:00:00Z").plusSeconds(changes++).toString();
    Decision d = WriteRules.decide(this, change, now.replace("Z", ".000Z"));
    commit(d.writes());
    return d;
  }

  void commit(Writes writes) {
    for (Writes.Write w : writes.writes()) {
      if (w instanceof Writes.Put p) {
        expect(key(p.item()), p.expected());
      } else if (w instanceof Writes.Delete d) {
        expect(d.pk() + "|" + d.sk(), d.expected());
      } else if (w instanceof Writes.Check c) {
        expect(Keys.report(c.reportId()) + "|" + Keys.HEAD, c.expected());
      }
    }
    writes.chunks().forEach(c -> items.put(c.pk() + "|" + c.sk(), c));
    for (Writes.Write w : writes.writes()) {
      if (w instanceof Writes.Put p) {
        items.put(key(p.item()), p.item());
      } else if (w instanceof Writes.Delete d) {
        items.remove(d.pk() + "|" + d.sk());
      }
    }
    writes.summaryDeltas().forEach((scope, d) -> d.forEach((name, value) ->
        summaries.computeIfAbsent(scope, k -> new TreeMap<>()).merge(name, value, BigDecimal::add)));
  }

  private void expect(String key, Writes.Expected expected) {
    if (expected == null) {
      return;
    }
    Object current = items.get(key);
    Long revision = current instanceof ReportHead h ? h.revision() : null;
    if (!java.util.Objects.equals(revision, expected.revision())) {
      throw new ConditionFailed(key + " is at revision " + revision + ", not " + expected.revision());
    }
  }

  private static String key(Object item) {
    if (item instanceof ReportHead h) {
      return h.pk() + "|" + h.sk();
    } else if (item instanceof ReportVersion v) {
      return v.pk() + "|" + v.sk();
    } else if (item instanceof RuleFindings r) {
      return r.pk() + "|" + r.sk();
    } else if (item instanceof SourceRecord s) {
      return s.pk() + "|" + s.sk();
    } else if (item instanceof ReviewRecord r) {
      return r.pk() + "|" + r.sk();
    } else if (item instanceof ListEntry e) {
      return e.pk() + "|" + e.sk();
    } else if (item instanceof nianbao.store.item.HistoryEntry h) {
      return h.pk() + "|" + h.sk();
    } else if (item instanceof nianbao.store.item.DeletedReport d) {
      return d.pk() + "|" + d.sk();
    } else if (item instanceof nianbao.store.item.AgencyYear y) {
      return y.pk() + "|" + y.sk();
    } else if (item instanceof nianbao.store.item.AgencyAlias a) {
      return a.pk() + "|" + a.sk();
    } else if (item instanceof nianbao.store.item.RemovedVersion r) {
      return r.pk() + "|" + r.sk();
    }
    throw new IllegalArgumentException(item.toString());
  }

  /** The item at a primary key, if any. */
  Optional<Object> item(String pk, String sk) {
    return Optional.ofNullable(items.get(pk + "|" + sk));
  }

  /** The non-zero sums of a summary item. */
  Map<String, BigDecimal> summary(String scope) {
    Map<String, BigDecimal> out = new TreeMap<>();
    summaries.getOrDefault(scope, Map.of()).forEach((k, v) -> {
      if (v.signum() != 0) {
        out.put(k, v);
      }
    });
    return out;
  }

  long count(String scope, String attribute) {
    return summary(scope).getOrDefault(attribute, BigDecimal.ZERO).longValueExact();
  }

  /** A report's history entries, newest first. */
  List<nianbao.store.item.HistoryEntry> history(String reportId) {
    return items.values().stream().filter(i -> i instanceof nianbao.store.item.HistoryEntry h
        && h.reportId().equals(reportId)).map(nianbao.store.item.HistoryEntry.class::cast)
        .sorted(Comparator.comparing(nianbao.store.item.HistoryEntry::sk).reversed()).toList();
  }

  List<RuleFindings> ruleItems(String reportId) {
    return items.values().stream().filter(i -> i instanceof RuleFindings r && r.reportId().equals(reportId))
        .map(RuleFindings.class::cast).toList();
  }

  List<ListEntry> listEntries(String reportId) {
    return items.values().stream().filter(i -> i instanceof ListEntry e && e.reportId().equals(reportId))
        .map(ListEntry.class::cast).toList();
  }

  /**
   * Moves a stored report to the id and agency key it had before agencies were identities (the printed name's
   * hash), written by an older rules version, without its agency's year item: the table as 2026-12's code left it.
   */
  void asStoredBefore(String reportId, String legacyId, String legacyKey, String rulesVersion) {
    for (String k : List.copyOf(items.keySet())) {
      Object i = items.get(k);
      Object moved = null;
      if (i instanceof ReportHead h && h.reportId().equals(reportId)) {
        items.remove(k);
        listEntries(reportId).forEach(e -> items.remove(e.pk() + "|" + e.sk()));
        ReportHead old = nianbao.store.item.ReportHeadBuilder.builder(h).reportId(legacyId).agencyKey(legacyKey)
            .rulesVersion(rulesVersion).build();
        nianbao.store.lists.ListEntries.of(old).forEach(e -> items.put(e.pk() + "|" + e.sk(), e));
        moved = old;
      } else if (i instanceof ReportVersion v && v.reportId().equals(reportId)) {
        moved = nianbao.store.item.ReportVersionBuilder.builder(v).reportId(legacyId).rulesVersion(rulesVersion)
            .build();
      } else if (i instanceof RuleFindings r && r.reportId().equals(reportId)) {
        moved = nianbao.store.item.RuleFindingsBuilder.builder(r).reportId(legacyId).build();
      } else if (i instanceof SourceRecord s && reportId.equals(s.reportId())) {
        items.put(k, nianbao.store.item.SourceRecordBuilder.builder(s).reportId(legacyId).build());
      } else if (i instanceof nianbao.store.item.AgencyYear y && y.reportId().equals(reportId)) {
        items.remove(k);
      }
      if (moved != null) {
        items.remove(k);
        items.put(key(moved), moved);
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ Snapshot

  @Override
  public List<SourceRecord> uploads(String bucket, String key) {
    List<SourceRecord> out = new ArrayList<>();
    items.values().stream().filter(i -> i instanceof SourceRecord s && s.pk().equals(Keys.source(bucket, key)))
        .forEach(i -> out.add((SourceRecord) i));
    out.sort(Comparator.comparing((SourceRecord s) -> Sequencers.padded(s.sequencer())).reversed());
    return out;
  }

  @Override
  public Optional<ReportHead> head(String reportId) {
    return Optional.ofNullable((ReportHead) items.get(Keys.report(reportId) + "|" + Keys.HEAD));
  }

  @Override
  public Optional<ReportVersion> version(String reportId, String sha256) {
    return Optional.ofNullable((ReportVersion) items.get(Keys.report(reportId) + "|" + Keys.version(sha256)));
  }

  @Override
  public Optional<ReviewRecord> review(String reportId) {
    return Optional.ofNullable((ReviewRecord) items.get(Keys.report(reportId) + "|" + Keys.REVIEW));
  }

  @Override
  public Optional<nianbao.store.item.DeletedReport> deleted(String reportId) {
    return Optional.ofNullable((nianbao.store.item.DeletedReport) items.get(Keys.report(reportId) + "|"
        + Keys.DELETED));
  }

  @Override
  public Optional<nianbao.store.item.AgencyYear> agencyYear(String agencyKey, int year) {
    return Optional.ofNullable((nianbao.store.item.AgencyYear) items.get(Keys.agency(agencyKey) + "|"
        + Keys.agencyYear(year)));
  }

  @Override
  public Optional<nianbao.store.item.AgencyAlias> alias(String agencyKey) {
    return Optional.ofNullable((nianbao.store.item.AgencyAlias) items.get(Keys.agency(agencyKey) + "|" + Keys.ALIAS));
  }

  @Override
  public List<ReportVersion> versions(String reportId) {
    return items.values().stream().filter(i -> i instanceof ReportVersion v && v.reportId().equals(reportId))
        .map(ReportVersion.class::cast).sorted(Comparator.comparing(ReportVersion::uploadOrder).reversed()).toList();
  }

  @Override
  public Report body(ReportVersion version) {
    if (version.body() != null) {
      return ReportJson.read(Bodies.gunzip(version.body().asByteArray()));
    }
    var out = new java.io.ByteArrayOutputStream();
    items.values().stream().filter(i -> i instanceof BodyChunk c && c.reportId().equals(version.reportId())
        && c.sha256().equals(version.sha256())).map(BodyChunk.class::cast)
        .sorted(Comparator.comparingInt(BodyChunk::n)).forEach(c -> out.writeBytes(c.data().asByteArray()));
    return ReportJson.read(Bodies.gunzip(out.toByteArray()));
  }
}
