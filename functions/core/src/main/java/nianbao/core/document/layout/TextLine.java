package nianbao.core.document.layout;

import java.util.List;

/**
 * One printed line: its words left to right and their text, with a space where the gap between two words is
 * wider than a character.
 *
 * @param words the line's words, blank ones included, left to right
 */
public record TextLine(String text, float left, float right, float baseline, float top, float size,
    List<PositionedWord> words) implements PageItem {}
