package nianbao.store.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nianbao.core.model.Report;
import nianbao.store.Identity;
import nianbao.store.item.AgencyAlias;
import nianbao.store.item.AgencyYear;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.SourceRecord;

/**
 * An agency's reports by year, as the write path finds and keeps them. A report's id never changes, while its
 * agency is its identity (region code and body): a report stored under its printed name before identities, or
 * under another name of the same agency, is the agency's year through its {@link AgencyYear} item, which the
 * head's write puts and its leaving deletes. New reports are {@code <agencyKey>-<year>}, so the usual neighbours
 * are read by key in the first batch and a year item adds no request.
 */
final class AgencyYears {
  private AgencyYears() {}

  /** The id of the agency's report of {@code year}: its year item's, or the key's own (which may hold none). */
  static String reportId(Snapshot read, String agencyKey, int year) {
    return read.agencyYear(agencyKey, year).map(AgencyYear::reportId).orElse(Identity.reportId(agencyKey, year));
  }

  /**
   * The report a readable upload is stored as: the report that already holds this object while it is still this
   * agency's of this year (a re-read keeps its id, however the name was keyed when stored); else the agency's year
   * item's; else a report of the same printed name stored before identities; else a new id from the identity.
   */
  static Identity resolve(Snapshot read, Report report, String sha, SourceRecord recorded) {
    Identity own = Identity.of(report, sha);
    if (own.year() == null || own.agencyNorm().isEmpty()) {
      return own;
    }
    Identity id = canonical(read, own);
    String legacy = Identity.legacyKey(report);
    if (recorded != null && SourceRecord.INGESTED.equals(recorded.status()) && recorded.reportId() != null) {
      ReportHead h = read.head(recorded.reportId()).orElse(null);
      if (h != null && !h.rejected() && Objects.equals(h.year(), id.year())
          && (id.agencyKey().equals(h.agencyKey()) || Objects.equals(legacy, h.agencyKey()))) {
        return id.storedAs(h.reportId());
      }
    }
    var year = read.agencyYear(id.agencyKey(), id.year());
    if (year.isPresent()) {
      return id.storedAs(year.get().reportId());
    }
    if (id != own) {
      // a merge under way: the merged agency's report of the year, not yet re-homed, is this report
      var ownYear = read.agencyYear(own.agencyKey(), own.year());
      if (ownYear.isPresent()) {
        return id.storedAs(ownYear.get().reportId());
      }
    }
    if (legacy != null && !legacy.equals(id.agencyKey())) {
      String legacyId = Identity.reportId(legacy, id.year());
      if (read.head(legacyId).filter(h -> !h.rejected()).isPresent() || read.deleted(legacyId).isPresent()) {
        return id.storedAs(legacyId);
      }
    }
    return id;
  }

  /**
   * The agency a report's own identity is counted as: the canonical agency an administrator merged it into
   * ({@code AgencyAlias}, read with the first batch), else itself. The report keeps the id it would have had.
   */
  static Identity canonical(Snapshot read, Identity own) {
    return read.alias(own.agencyKey()).filter(AgencyAlias::followed)
        .map(a -> new Identity(a.intoKey(), own.agencyNorm(), own.year(), own.reportId())).orElse(own);
  }

  /**
   * Storing a report reads at once: its head under the identity's id and under the printed name's (before
   * identities), Y−1's and Y+1's, the agency's year items of the three years, both tombstones and its version.
   */
  static WriteRules.FirstRead firstRead(Report report) {
    String sha = report.source().sha256();
    Identity id = Identity.of(report, sha);
    if (id.year() == null) {
      return new WriteRules.FirstRead(List.of(id.reportId()), id.reportId(), sha);
    }
    List<String> heads = new ArrayList<>(List.of(id.reportId(), Identity.reportId(id.agencyKey(), id.year() - 1),
        Identity.reportId(id.agencyKey(), id.year() + 1)));
    List<String> deleted = new ArrayList<>(List.of(id.reportId()));
    String legacy = Identity.legacyKey(report);
    if (legacy != null && !legacy.equals(id.agencyKey())) {
      heads.add(Identity.reportId(legacy, id.year()));
      deleted.add(Identity.reportId(legacy, id.year()));
    }
    boolean named = !id.agencyNorm().isEmpty();
    return new WriteRules.FirstRead(heads, id.reportId(), sha, deleted, named ? id.agencyKey() : null,
        named ? List.of(id.year() - 1, id.year(), id.year() + 1) : List.of());
  }

  /**
   * The head just made current is its agency's year, unless another report of the agency already is (kept as it
   * is); a year item naming a report that is no longer the agency's (merged away, split back) is taken over.
   */
  static void keep(Snapshot read, Writes writes, Identity id, Report report) {
    if (id.year() == null || id.agencyNorm().isEmpty()) {
      return;
    }
    AgencyYear year = read.agencyYear(id.agencyKey(), id.year()).orElse(null);
    if (year == null || year.reportId().equals(id.reportId()) && !Objects.equals(year.agency(), report.agency())
        || !year.reportId().equals(id.reportId()) && !holds(read, id.agencyKey(), year.reportId())) {
      writes.put(new AgencyYear(id.agencyKey(), id.year(), id.reportId(), report.agency()));
    }
  }

  /** Whether report {@code reportId} is stored and agency {@code agencyKey}'s. */
  static boolean holds(Snapshot read, String agencyKey, String reportId) {
    return read.head(reportId).filter(h -> agencyKey.equals(h.agencyKey())).isPresent();
  }

  /** The report leaves: the agency's year goes with it, if it was that year's. */
  static void leave(Snapshot read, Writes writes, Identity id) {
    if (id.year() == null || id.agencyKey() == null) {
      return;
    }
    read.agencyYear(id.agencyKey(), id.year()).filter(y -> y.reportId().equals(id.reportId()))
        .ifPresent(y -> writes.delete(Keys.agency(id.agencyKey()), Keys.agencyYear(id.year())));
  }
}
