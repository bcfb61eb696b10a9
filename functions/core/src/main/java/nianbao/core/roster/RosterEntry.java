package nianbao.core.roster;

/**
 * One agency a region expects a report from, as the roster's CSV lists it.
 *
 * @param line       the CSV line it was on (the header is line 1)
 * @param name       the agency's name as listed
 * @param regionCode its division code when the roster gives one (区划代码), else null: resolved from the name
 */
public record RosterEntry(int line, String name, String regionCode) {}
