package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The administrative division an agency belongs to; county (or city) may be null for higher levels. */
@JsonPropertyOrder({"code", "province", "city", "county"})
public record Region(String code, String province, String city, String county) {}
