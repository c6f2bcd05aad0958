package vn.loa.plan.wording;

import java.util.List;

/**
 * What a reader made of a piece of Vietnamese text: the value it could read (or null) and, in Vietnamese, what it
 * could not read or what a person should check. A reader never guesses: when in doubt the value is null and the
 * doubt is a problem.
 */
public record Reading<T>(T value, List<String> problems) {

    public Reading {
        problems = List.copyOf(problems);
    }

    public static <T> Reading<T> of(T value) {
        return new Reading<>(value, List.of());
    }

    public static <T> Reading<T> nothing() {
        return new Reading<>(null, List.of());
    }

    public static <T> Reading<T> unread(String problem) {
        return new Reading<>(null, List.of(problem));
    }

    public static <T> Reading<T> withProblem(T value, String problem) {
        return new Reading<>(value, List.of(problem));
    }

    public boolean isClean() {
        return problems.isEmpty();
    }
}
