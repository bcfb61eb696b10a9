package nianbao.core.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import nianbao.core.model.Location;

/**
 * A reviewer's correction of one cell: the value it should have ({@code value}: digits, a decimal string for the
 * fee and the 2019 procurement amount, or null for a blank), what the report was read as then ({@code asRead}),
 * why, who and when. Values are kept as text so that a decimal is never a float.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Correction(String id, Location location, String value, String asRead, String reason, String by,
    String at) {}
