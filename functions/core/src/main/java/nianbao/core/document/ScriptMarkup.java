package nianbao.core.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The markup a page ships inside a script: many government sites write the report as a JavaScript string
 * ({@code let content = "<p style='…'>…<td style=\"width:38px;\">…"}, {@code document.write("…")}, template
 * literals, {@code "…" + "…"}) and insert it when the page loads. Read as text, the script's numbers (CSS
 * widths, code) pass for the report's; read here, the string literals are decoded (JavaScript's escapes:
 * backslash before a quote, a slash, n, t, xHH, uHHHH, u{H…})
 * and the ones that hold markup are given back as the HTML they are. Code outside the literals — and so
 * every number in it — is never part of the result.
 */
final class ScriptMarkup {
  /** A tag: {@code <p}, {@code </td>}, {@code <table …>}. */
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*[\\s/>]");
  /** A string literal that starts with a tag, as assignments, calls and concatenations put it. */
  private static final Pattern MARKUP_LITERAL = Pattern.compile(
      "(?:=|\\(|\\+|:|,|\\breturn)\\s*[\"'`]\\s*<(?:[a-zA-Z]|!--)");
  /** Words a script starts with; a page of markup starts with {@code <}. */
  private static final Pattern SCRIPT_START = Pattern.compile(
      "^(?:let|var|const|document|window|function|\\$|jQuery|\\(|//|/\\*|[A-Za-z_$][\\w$.]*\\s*(?:\\+?=|\\())");

  private ScriptMarkup() {}

  /**
   * Whether a whole text is script rather than markup: it starts like code, not with {@code <}, and one of
   * its string literals holds markup. Looked for in the first 64 KB.
   */
  static boolean isScript(String text) {
    int start = 0;
    while (start < text.length() && (Texts.isSpace(text.charAt(start)) || Texts.isInvisible(text.charAt(start)))) {
      start++;
    }
    String head = text.substring(start, Math.min(text.length(), start + 65536));
    return !head.startsWith("<") && SCRIPT_START.matcher(head).lookingAt() && MARKUP_LITERAL.matcher(head).find();
  }

  /** Whether a text holds a string literal that starts with a tag (the sniffer's test, on the first 64 KB). */
  static boolean holdsMarkupLiteral(CharSequence head) {
    return MARKUP_LITERAL.matcher(head).find();
  }

  /**
   * The markup in a script's string literals, in source order: literals joined by {@code +} are one value;
   * values without a tag (ids, URLs, messages) are left out. Empty when no literal holds markup.
   */
  static String markup(String script) {
    StringBuilder out = new StringBuilder();
    for (String value : values(script)) {
      if (TAG.matcher(value).find()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(value);
      }
    }
    return out.toString();
  }

  /** The script's string values: each literal decoded, those joined by {@code +} concatenated. */
  static List<String> values(String script) {
    List<String> values = new ArrayList<>();
    StringBuilder current = null;
    boolean joined = false; // a '+' since the last literal, nothing else
    char previous = 0; // the last significant character outside literals and comments
    int n = script.length();
    int i = 0;
    while (i < n) {
      if ((i & TextReader.CHECK_EVERY) == 0) {
        Deadline.check();
      }
      char c = script.charAt(i);
      if (c == '/' && i + 1 < n && script.charAt(i + 1) == '/') {
        int end = script.indexOf('\n', i);
        i = end < 0 ? n : end;
        continue;
      }
      if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int end = script.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        continue;
      }
      if (c == '/' && startsRegex(previous)) {
        i = skipRegex(script, i);
        previous = '/';
        continue;
      }
      if (c == '"' || c == '\'' || c == '`') {
        StringBuilder literal = new StringBuilder();
        i = literal(script, i, literal);
        if (current != null && joined) {
          current.append(literal);
        } else {
          if (current != null) {
            values.add(current.toString());
          }
          current = literal;
        }
        joined = false;
        previous = c;
        continue;
      }
      if (!Texts.isSpace(c)) {
        joined = c == '+' && previous != '+' && !joined;
        previous = c;
      }
      i++;
    }
    if (current != null) {
      values.add(current.toString());
    }
    return values;
  }

  /** After these a {@code /} starts a regular expression, not a division. */
  private static boolean startsRegex(char previous) {
    return previous == 0 || "(,=:[!&|?{};+-*%<>~^".indexOf(previous) >= 0;
  }

  private static int skipRegex(String s, int start) {
    boolean inClass = false;
    for (int j = start + 1; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '\n') {
        return j; // not a regular expression after all
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        return j + 1;
      }
    }
    return s.length();
  }

  /** Decodes the literal opening at {@code start} into {@code out}; returns the index after its closing quote. */
  private static int literal(String s, int start, StringBuilder out) {
    char quote = s.charAt(start);
    int n = s.length();
    int j = start + 1;
    while (j < n) {
      char c = s.charAt(j);
      if (c == quote) {
        return j + 1;
      }
      if (c == '\\' && j + 1 < n) {
        j = escape(s, j + 1, out);
        continue;
      }
      if (quote == '`' && c == '$' && j + 1 < n && s.charAt(j + 1) == '{') {
        j = skipExpression(s, j + 2); // a template's ${…} is code: its value is unknown here
        continue;
      }
      if (quote != '`' && (c == '\n' || c == '\r')) {
        return j; // an unterminated literal ends at the line's end, as JavaScript says
      }
      out.append(c);
      j++;
    }
    return n;
  }

  /** Decodes the escape whose letter is at {@code j}; returns the index after it. */
  private static int escape(String s, int j, StringBuilder out) {
    char e = s.charAt(j);
    switch (e) {
      case 'n' -> out.append('\n');
      case 't' -> out.append('\t');
      case 'r' -> out.append('\r');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'v' -> out.append('\u000B');
      case '0' -> out.append('\0');
      case '\r' -> {
        return j + 1 < s.length() && s.charAt(j + 1) == '\n' ? j + 2 : j + 1; // a line continuation
      }
      case '\n', '\u2028', '\u2029' -> {
        return j + 1;
      }
      case 'x' -> {
        int value = hex(s, j + 1, 2);
        if (value >= 0) {
          out.append((char) value);
          return j + 3;
        }
        out.append(e);
      }
      case 'u' -> {
        if (j + 1 < s.length() && s.charAt(j + 1) == '{') {
          int close = s.indexOf('}', j + 2);
          int value = close > j + 2 && close - j - 2 <= 6 ? hex(s, j + 2, close - j - 2) : -1;
          if (value >= 0 && Character.isValidCodePoint(value)) {
            out.appendCodePoint(value);
            return close + 1;
          }
        } else {
          int value = hex(s, j + 1, 4);
          if (value >= 0) {
            out.append((char) value);
            return j + 5;
          }
        }
        out.append(e);
      }
      default -> out.append(e); // \" \' \\ \/ and any other character stand for themselves
    }
    return j + 1;
  }

  private static int hex(String s, int from, int digits) {
    if (from + digits > s.length()) {
      return -1;
    }
    int value = 0;
    for (int k = from; k < from + digits; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0) {
        return -1;
      }
      value = value * 16 + d;
    }
    return value;
  }

  /** Skips a template literal's {@code ${…}}, nested braces and literals included; returns the index after it. */
  private static int skipExpression(String s, int from) {
    int depth = 1;
    int j = from;
    while (j < s.length() && depth > 0) {
      char c = s.charAt(j);
      if (c == '"' || c == '\'' || c == '`') {
        j = literal(s, j, new StringBuilder());
        continue;
      }
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
      j++;
    }
    return j;
  }
}
