package vn.loa.content.activity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Kinds of activities that are held rather than posted; events carry {@link #code()} ("dialogue"). */
public enum ActivityKind {
    DIALOGUE("Đối thoại"),
    CONFERENCE("Hội nghị"),
    SEMINAR("Tọa đàm, hội thảo"),
    CONTEST("Cuộc thi"),
    TRAINING("Tập huấn, bồi dưỡng");

    private final String label;

    ActivityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActivityKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(v)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
