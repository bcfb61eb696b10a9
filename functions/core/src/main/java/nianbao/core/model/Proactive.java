package nianbao.core.model;

/**
 * Table A (主动公开政府信息情况). Its columns differ between the 2021 template ({@link Proactive2021})
 * and the 2019 template ({@link Proactive2019}); the report's {@code template} says which one is present.
 */
public sealed interface Proactive permits Proactive2021, Proactive2019 {}
