package vn.loa.plan.plan;

import java.util.List;

/**
 * A part of the plan that has no field of its own (e.g. Tiên Minh's "III. NHIỆM VỤ CỤ THỂ", which only points at
 * the annex), kept with its heading so that nothing of the document is lost.
 */
public record Section(String heading, List<String> items) {

    public Section {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
