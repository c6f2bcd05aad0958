package vn.loa.report.reminder;

import java.util.Map;

/**
 * What one reminder run did.
 *
 * @param communes the active communes it walked (those with an open plan)
 * @param raised   reminders raised now (new)
 * @param found    reminders the facts call for, new or raised before
 * @param byKind   the new ones by kind
 * @param tookMs   how long the run took
 */
public record RunResult(int communes, int raised, int found, Map<String, Integer> byKind, long tookMs) {
}
