package vn.loa.report.projection;

import java.time.LocalDate;
import vn.loa.contracts.channel.PublicationEngaged.Figures;

/**
 * What reached people on one commune day through one channel for one item ({@code itemId} null: the commune's feed):
 * the sum of the windows counted that day, or ({@code runningTotal}) an operator's latest totals, dated by the day
 * they are as of.
 */
public record EngagementRecord(String tenant, String channel, String itemId, LocalDate day, Figures figures,
        boolean runningTotal) {
}
