package vn.loa.plan.plan;

import java.util.List;

/** What one unit must do ("Tổ chức thực hiện": "1. Phòng Văn hóa - Xã hội" and its items). */
public record Duty(String unit, List<String> items) {

    public Duty {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
