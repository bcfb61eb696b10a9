package nianbao.store;

import java.util.List;

/** One page of a list, newest first; {@code cursor} is null on the last page. */
public record Page<T>(List<T> items, String cursor) {}
