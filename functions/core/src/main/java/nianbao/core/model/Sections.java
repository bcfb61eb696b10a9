package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The free-text sections: 一 总体情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项. */
@JsonPropertyOrder({"overview", "problems", "other"})
public record Sections(String overview, String problems, String other) {}
