package nianbao.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Markup shipped in a script's string literals: decoded as JavaScript decodes it, code left out. */
class ScriptMarkupTest {
  @Test
  void escapesAreDecodedAsJavaScriptDecodesThem() {
    assertEquals(List.of("<td style=\"width:38px;\">它's</td>\n\t<\\/p>"),
        ScriptMarkup.values("let content = \"<td style=\\\"width:38px;\\\">\\u5b83\\x27s<\\/td>\\n\\t<\\\\/p>\";"));
    assertEquals(List.of("<p>报告</p>"), ScriptMarkup.values("x = '\\x3Cp>\\u{62a5}\\u544a</p>'"));
    assertEquals(List.of("<p>一行接续</p>"), ScriptMarkup.values("x = \"<p>一行\\\n接续</p>\""));
  }

  @Test
  void literalsJoinedByPlusAreOneValueAndStatementsAreSeparate() {
    String script = "var content = ''\n    + '<p>一、总体情况</p>'\n    + '<table><tr><td>1</td></tr></table>';\n"
        + "content += \"<p>二</p>\";\ndocument.getElementById('zoom').innerHTML = content;";
    assertEquals(List.of("<p>一、总体情况</p><table><tr><td>1</td></tr></table>", "<p>二</p>", "zoom"),
        ScriptMarkup.values(script));
    assertEquals("<p>一、总体情况</p><table><tr><td>1</td></tr></table>\n<p>二</p>", ScriptMarkup.markup(script));
  }

  @Test
  void codeCommentsRegularExpressionsAndTemplateExpressionsAreNotText() {
    String script = "// width: 38px \"<p>no</p>\"\n/* '<td>99</td>' */\nvar re = /\"<b>/g; var n = 190 / 2;\n"
        + "const html = `<p>${year + \"<i>383</i>\"}年</p>\n<p>第二段</p>`;";
    assertEquals("<p>年</p>\n<p>第二段</p>", ScriptMarkup.markup(script));
  }

  @Test
  void aTextIsScriptWhenItStartsAsCodeAndAStringHoldsMarkup() {
    assertTrue(ScriptMarkup.isScript("\uFEFF  let content = \"<p style='x'>报告</p>\";"));
    assertTrue(ScriptMarkup.isScript("document.write(\"<table>\");"));
    assertTrue(ScriptMarkup.isScript("articleHtml = `\n<p>报告</p>`"));
    assertFalse(ScriptMarkup.isScript("<p>let content = \"<p>x</p>\"</p>"), "markup that mentions code");
    assertFalse(ScriptMarkup.isScript("let content = \"没有标签\";"), "a script without markup");
    assertFalse(ScriptMarkup.isScript("一、总体情况\n本年度收到申请 38 件。"), "a report's text");
  }

  @Test
  void anUnterminatedLiteralEndsAtItsLine() {
    assertEquals(List.of("<p>断开", "<p>下一行</p>"), ScriptMarkup.values("a = \"<p>断开\nb = \"<p>下一行</p>\""));
  }
}
