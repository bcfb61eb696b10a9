package nianbao.store;

/** A combination of list filters that no index answers; the message names the supported ones. */
public class UnsupportedFilterException extends IllegalArgumentException {
  public UnsupportedFilterException(String given) {
    super("不支持的筛选组合：" + given + "；支持：" + String.join("，", ListFilter.supported()));
  }
}
