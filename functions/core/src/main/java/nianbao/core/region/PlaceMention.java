package nianbao.core.region;

import nianbao.core.model.Region;

/**
 * A division name found in a text.
 *
 * @param name the division's name as in the division list (blanks the text had inside it removed)
 * @param offset the index in the text of the name's first character
 * @param region the division named; null when the name is that of several divisions, none of them the
 *     report's own
 */
public record PlaceMention(String name, int offset, Region region) {}
