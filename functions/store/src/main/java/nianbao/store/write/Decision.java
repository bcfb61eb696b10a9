package nianbao.store.write;

/**
 * What {@link WriteRules#decide} made of a change: its result, the report it concerns, and the writes — one
 * transaction, empty when nothing changes.
 *
 * @param status the report's status when the change leaves its current state as it was (else null)
 */
public record Decision(WriteResult result, String reportId, String status, Writes writes) {

  static Decision nothing(WriteResult result, String reportId, String status) {
    return new Decision(result, reportId, status, new Writes());
  }
}
