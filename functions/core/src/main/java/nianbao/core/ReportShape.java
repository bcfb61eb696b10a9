package nianbao.core;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import nianbao.core.document.NotAReportException;
import nianbao.core.model.Applications;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.recognise.RecognisedReport;

/**
 * What a report is — the one definition every path uses (upload, reprocess, the command line): a document
 * with at least {@link #MIN_SECTIONS} of the six sections and at least one of the three tables. Anything
 * less — a notes file or a news article that names a report, a catalogue of reports, a table of contents, a
 * table copied on its own — is refused with what was found, so it never becomes (or replaces) a report.
 *
 * <p>A table counts when the document prints it: table A with half of its rows' labels and a value, table B
 * with half of its 25 rows and a value, table C with its three groups and at least five of its fifteen cells
 * (a table of contents puts a page number after section 四's heading; that is no table).
 */
final class ReportShape {
  static final int MIN_SECTIONS = 3;
  /** The first year reported in the national layout (国办公开办函〔2019〕60号; revised 2021): the 2019 reports. */
  static final int FIRST_TEMPLATE_YEAR = 2019;
  private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六"};
  private static final int MIN_REVIEW_CELLS = 5;

  private ReportShape() {}

  /** Throws the refusal, naming what was found, unless the recognised document is a report. */
  static void require(RecognisedReport recognised, String format) throws NotAReportException {
    Report report = recognised.report();
    List<String> sections = sectionsFound(recognised.missing());
    List<String> tables = tablesFound(recognised);
    if (sections.size() >= MIN_SECTIONS && !tables.isEmpty()) {
      return;
    }
    if (tables.isEmpty() && report.year() != null && report.year() < FIRST_TEMPLATE_YEAR && report.title() != null) {
      // researchers upload a region's history: an annual report of 2018 or before is one, in the layout of its time
      throw new NotAReportException(format, "“" + report.title() + "”是" + report.year()
          + "年度的报告，按2019年以前的格式编写（没有现行格式的六个部分和三张统计表）；nianbao 只读取2019年度起的统一格式");
    }
    if (tables.isEmpty() && report.year() != null && isCutShort(sections)) {
      throw new NotAReportException(format, "报告不完整：只有" + part(sections)
          + "，未找到任何统计表（第二、三、四部分的表格），文件可能被截断");
    }
    StringBuilder reason = new StringBuilder("不是政府信息公开工作年度报告：");
    if (report.title() != null) {
      reason.append("文中提到“").append(report.title()).append("”，但");
    }
    if (sections.isEmpty()) {
      reason.append("找不到报告的六个部分");
    } else if (sections.size() < MIN_SECTIONS) {
      reason.append("六个部分只找到").append(sections.size()).append("个（").append(part(sections)).append("）");
    } else if (sections.size() < NUMERALS.length) {
      reason.append("找到").append(sections.size()).append("个部分（").append(part(sections)).append("）");
    } else {
      reason.append("六个部分的标题都在");
    }
    if (tables.isEmpty()) {
      reason.append(sections.size() >= MIN_SECTIONS ? "，却没有任何统计表（只有目录或摘录？）" : "，也没有任何统计表");
    } else {
      reason.append("，只有").append(String.join("、", tables)).append("（一份报告至少要有三个部分）");
    }
    throw new NotAReportException(format, reason.toString());
  }

  /** The sections whose headings were found, in order: those the recogniser did not list as missing. */
  private static List<String> sectionsFound(List<Location> missing) {
    List<String> found = new ArrayList<>();
    for (String numeral : NUMERALS) {
      if (!missing.contains(Location.section(numeral))) {
        found.add(numeral);
      }
    }
    return found;
  }

  /** Section 一 onwards with nothing after the last: the beginning of a report whose file ended early. */
  private static boolean isCutShort(List<String> sections) {
    if (sections.isEmpty() || sections.size() == NUMERALS.length) {
      return false;
    }
    for (int i = 0; i < sections.size(); i++) {
      if (!sections.get(i).equals(NUMERALS[i])) {
        return false;
      }
    }
    return true;
  }

  private static String part(List<String> sections) {
    return "第" + String.join("、", sections) + "部分";
  }

  private static List<String> tablesFound(RecognisedReport recognised) {
    Report report = recognised.report();
    List<String> tables = new ArrayList<>();
    int proactiveRows = Report.TEMPLATE_2019.equals(report.template()) ? 8 : 6;
    if (report.proactive() != null && rowsFound(recognised, "二", proactiveRows) * 2 >= proactiveRows
        && values(report.proactive()) > 0) {
      tables.add("第二部分的表格");
    }
    Applications applications = report.applications();
    int applicationRows = applications.rows().size();
    if (rowsFound(recognised, "三", applicationRows) * 2 >= applicationRows && values(applications) > 0) {
      tables.add("第三部分的表格");
    }
    if (rowsFound(recognised, "四", 3) == 3 && values(report.reviewAndLitigation()) >= MIN_REVIEW_CELLS) {
      tables.add("第四部分的表格");
    }
    return tables;
  }

  private static int rowsFound(RecognisedReport recognised, String section, int rows) {
    int missing = 0;
    for (Location l : recognised.missing()) {
      if (section.equals(l.section()) && l.row() != null) {
        missing++;
      }
    }
    return rows - missing;
  }

  /** Each record class's accessors, looked up once: getRecordComponents() copies and resolves them on every call. */
  private static final ClassValue<java.lang.reflect.Method[]> ACCESSORS = new ClassValue<>() {
    @Override
    protected java.lang.reflect.Method[] computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      java.lang.reflect.Method[] accessors = new java.lang.reflect.Method[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
      }
      return accessors;
    }
  };

  /** The cells that hold a value, in a table of records, lists and maps of numbers. */
  private static int values(Object table) {
    if (table == null) {
      return 0;
    }
    if (table instanceof Applications a) {
      return a.rows().values().stream().mapToInt(ReportShape::values).sum();
    }
    if (table instanceof List<?> list) {
      int n = 0;
      for (Object cell : list) {
        n += cell instanceof Number ? 1 : 0;
      }
      return n;
    }
    if (table instanceof Number || table instanceof String) {
      return 1;
    }
    if (table instanceof Record record) {
      int n = 0;
      for (java.lang.reflect.Method accessor : ACCESSORS.get(record.getClass())) {
        try {
          n += values(accessor.invoke(record));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return n;
    }
    return 0;
  }
}
