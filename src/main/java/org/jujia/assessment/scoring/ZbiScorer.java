package org.jujia.assessment.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Zarit Burden Interview, 22 items 照顾者负担量表 (ASSESSMENT.md §6), for family caregivers: items {@code q1}…{@code q22}
 * each 0–4, total 0–88, burden band and the platform's high-risk-caregiver rule (≥ 40).
 */
public final class ZbiScorer {

    public static final int ITEMS = 22;
    public static final int MAX_ITEM = 4;
    public static final int MAX_TOTAL = ITEMS * MAX_ITEM;
    public static final int HIGH_RISK_FROM = 40;

    private ZbiScorer() {
    }

    /** §6: 0–20 LITTLE_OR_NO_BURDEN, 21–40 MILD_TO_MODERATE, 41–60 MODERATE_TO_SEVERE, 61–88 SEVERE. */
    public enum Band {
        LITTLE_OR_NO_BURDEN, MILD_TO_MODERATE, MODERATE_TO_SEVERE, SEVERE;

        public static Band of(int total) {
            Checks.range("total", total, 0, MAX_TOTAL);
            if (total <= 20) {
                return LITTLE_OR_NO_BURDEN;
            }
            if (total <= 40) {
                return MILD_TO_MODERATE;
            }
            if (total <= 60) {
                return MODERATE_TO_SEVERE;
            }
            return SEVERE;
        }
    }

    /** The key of item {@code n} (1-based): {@code "q1"}…{@code "q22"}. */
    public static String key(int n) {
        return "q" + n;
    }

    /** The 22 answers in order q1…q22, each 0 never … 4 nearly always. */
    public record Input(List<Integer> answers) {
        public Input {
            Checks.required("answers", answers);
            for (int n = 1; n <= ITEMS; n++) {
                Integer v = n <= answers.size() ? answers.get(n - 1) : null;
                Checks.required(key(n), v);
                Checks.range(key(n), v, 0, MAX_ITEM);
            }
            if (answers.size() > ITEMS) {
                throw org.jujia.shared.ValidationException.of(key(ITEMS + 1), Checks.NOT_ALLOWED, "ZBI has only " + ITEMS + " items");
            }
            answers = List.copyOf(answers);
        }

        public static Input of(int... answers) {
            List<Integer> list = new ArrayList<>();
            for (int a : answers) {
                list.add(a);
            }
            return new Input(list);
        }
    }

    public record Result(int total, Band band, boolean highRiskCaregiver) implements ScoringResult {
    }

    public static Result score(Input input) {
        int total = input.answers().stream().mapToInt(Integer::intValue).sum();
        return new Result(total, Band.of(total), highRiskCaregiver(total));
    }

    /**
     * §6 platform rule [D]: {@code total ≥ 40} is a high-risk caregiver — deliberately overlapping the 21–40 band,
     * so 40 is MILD_TO_MODERATE and high-risk.
     */
    public static boolean highRiskCaregiver(int total) {
        return total >= HIGH_RISK_FROM;
    }

    static Input read(Answers a) {
        List<Integer> answers = new ArrayList<>(ITEMS);
        for (int n = 1; n <= ITEMS; n++) {
            answers.add(a.integer(key(n), 0, MAX_ITEM));
        }
        return new Input(answers);
    }
}
