package nianbao.core.document.layout;

/**
 * A ruling line that draws a table's borders: horizontal ({@code at} is its y, from/to its x-extent) or
 * vertical ({@code at} is its x, from/to its y-extent), in the words' coordinates.
 */
public record Ruling(boolean horizontal, float at, float from, float to) {}
