package nianbao.core.recognise;

import nianbao.core.document.Document;
import nianbao.core.document.UnreadableDocumentException;

/** Finds the report's title, sections and tables A, B, C in a document's blocks. */
public final class Recogniser {
  private Recogniser() {}

  public static RecognisedReport recognise(Document document) throws UnreadableDocumentException {
    throw new UnreadableDocumentException(document.format(), "recogniser under construction");
  }
}
