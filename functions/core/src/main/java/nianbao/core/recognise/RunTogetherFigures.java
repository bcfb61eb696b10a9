package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import nianbao.core.model.Proactive;
import nianbao.core.model.Proactive2021;

/**
 * Table A has no arithmetic of its own, so figures run together in one of its rows ("行政规范性文件77132470") are
 * split only by what else is known: the figures the narrative states for that row's cells (本年制发…77件,
 * 现行有效…470件), the numbers the narrative states at all (two of them in one split, not chance), and the
 * continuity with the agency's year before (现行有效(Y) = 现行有效(Y−1) + 制发 − 废止). Where none decides, the
 * splits are only narrowed, and the cells they disagree on stay null.
 */
final class RunTogetherFigures {
  private static final List<String> DOCUMENT_COLUMNS = List.of("issued", "repealed", "inForce");
  private static final List<String> DOCUMENT_COLUMN_NAMES = List.of("本年制发", "本年废止", "现行有效");

  /** What is known beyond the row's digits. */
  record Evidence(Set<String> figures, List<StatedDocumentCounts.Statement> stated, Supplier<Proactive> previousYear,
      Integer year) {
    static final Evidence NONE = new Evidence(Set.of(), List.of(), () -> null, null);
  }

  /** The splits kept, and why one was chosen (null when none was). */
  record Decision(CellSolver.Solution solution, String reason) {}

  private final Evidence evidence;
  private boolean previousAsked;
  private Proactive previous;

  RunTogetherFigures(Evidence evidence) {
    this.evidence = evidence;
  }

  /** @param documentRow whether the row is 规章 or 行政规范性文件 on the 2021 template (制发, 废止, 现行有效) */
  Decision decide(String row, boolean documentRow, CellSolver.Solution solution) {
    if (solution.candidates().size() < 2) {
      return new Decision(solution, null);
    }
    List<String[]> kept = solution.candidates();
    List<String> said = new ArrayList<>();
    if (documentRow) {
      for (StatedDocumentCounts.Statement s : evidence.stated()) {
        int c = DOCUMENT_COLUMNS.indexOf(s.column());
        if (s.row().equals(row)) {
          String value = Long.toString(s.value());
          kept = kept.stream().filter(candidate -> value.equals(candidate[c])).toList();
          said.add(DOCUMENT_COLUMN_NAMES.get(c) + s.value() + "件");
        }
      }
      if (kept.isEmpty()) {
        return new Decision(solution, null);
      }
      if (kept.size() == 1) {
        return decided(solution, kept, "按正文所述（" + String.join("、", said) + "）");
      }
    }
    String[] byFigures = byFigures(kept);
    if (byFigures != null) {
      return decided(solution, List.<String[]>of(byFigures), "按正文所述数字");
    }
    if (documentRow) {
      Decision byPreviousYear = byPreviousYear(row, solution, kept);
      if (byPreviousYear != null) {
        return byPreviousYear;
      }
    }
    return new Decision(kept.size() == solution.candidates().size() ? solution
        : new CellSolver.Solution(solution.kind(), kept, solution.constraintHeld()), null);
  }

  private static Decision decided(CellSolver.Solution solution, List<String[]> one, String reason) {
    return new Decision(new CellSolver.Solution(solution.kind(), one, true), reason);
  }

  /**
   * Among several splits, the one whose numbers the narrative states (each ≥ 10, to mean something). Only cells
   * on which the splits differ count: a cell they all share (a figure stated for it) proves nothing of the others.
   */
  private String[] byFigures(List<String[]> candidates) {
    if (evidence.figures().isEmpty()) {
      return null;
    }
    String[] shared = new CellSolver.Solution(CellSolver.Kind.SPLIT, candidates, false).agreed(candidates.get(0).length);
    String[] best = null;
    int bestScore = 0;
    boolean tie = false;
    for (String[] candidate : candidates) {
      int score = 0;
      for (int c = 0; c < candidate.length; c++) {
        String cell = candidate[c];
        if (cell != null && shared[c] == null && cell.length() >= 2 && evidence.figures().contains(cell)) {
          score++;
        }
      }
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
        tie = false;
      } else if (score == bestScore && score > 0) {
        tie = true;
      }
    }
    // One matching figure can be chance ("53项" elsewhere in the text); two in one row are not.
    return best == null || tie || bestScore < Math.min(2, best.length) ? null : best;
  }

  private Decision byPreviousYear(String row, CellSolver.Solution solution, List<String[]> candidates) {
    if (!previousAsked) {
      previousAsked = true;
      previous = evidence.previousYear().get();
    }
    if (!(previous instanceof Proactive2021 before)) {
      return null;
    }
    Proactive2021.DocumentCounts counts = row.equals("regulations") ? before.regulations() : before.normativeDocuments();
    if (counts == null || counts.inForce() == null) {
      return null;
    }
    long inForceBefore = counts.inForce();
    List<String[]> kept = candidates.stream().filter(c -> continues(inForceBefore, c)).toList();
    if (kept.size() != 1) {
      return null;
    }
    String year = evidence.year() == null ? "上年" : (evidence.year() - 1) + "年";
    return decided(solution, kept, "按与上年衔接（" + year + "现行有效" + inForceBefore + "件 + 本年制发 − 本年废止 = 现行有效）");
  }

  private static boolean continues(long inForceBefore, String[] cells) {
    Long issued = CellSolver.parseCount(cells[0]);
    Long repealed = CellSolver.parseCount(cells[1]);
    Long inForce = CellSolver.parseCount(cells[2]);
    return issued != null && repealed != null && inForce != null && inForceBefore + issued - repealed == inForce;
  }
}
