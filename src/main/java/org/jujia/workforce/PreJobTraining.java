package org.jujia.workforce;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pre-job training (PLATFORM.md §9): 160 hours before a first visit — at least 80 hours of theory covering law,
 * psychology and first aid, and at least 80 hours of practice covering turning in bed, the Heimlich manoeuvre and the
 * AED. Counted in minutes (159.5 h = 9,570 min is not enough). Only credited attendance counts (checked in online and,
 * for a course with a practical exam, the exam passed).
 */
final class PreJobTraining {

    static final int THEORY_MINUTES = 80 * 60;
    static final int PRACTICE_MINUTES = 80 * 60;
    static final Set<String> THEORY_TOPICS = Set.of("LAW", "PSYCHOLOGY", "FIRST_AID");
    static final Set<String> PRACTICE_TOPICS = Set.of("TURNING", "HEIMLICH", "AED");

    private PreJobTraining() {
    }

    /** One credited attendance. */
    record Credit(CourseKind kind, String topic, int minutes, LocalDate on) {
    }

    /** Where a person stands on a date. */
    record Progress(int theoryMinutes, int practiceMinutes, Set<String> missingTopics) {

        boolean complete() {
            return theoryMinutes >= THEORY_MINUTES && practiceMinutes >= PRACTICE_MINUTES && missingTopics.isEmpty();
        }

        int totalMinutes() {
            return theoryMinutes + practiceMinutes;
        }
    }

    /** Progress counting the credits attended on or before {@code asOf}. */
    static Progress progress(List<Credit> credits, LocalDate asOf) {
        int theory = 0;
        int practice = 0;
        Set<String> missing = new java.util.TreeSet<>();
        missing.addAll(THEORY_TOPICS);
        missing.addAll(PRACTICE_TOPICS);
        for (Credit c : credits) {
            if (asOf != null && c.on().isAfter(asOf)) {
                continue;
            }
            if (c.kind() == CourseKind.THEORY) {
                theory += c.minutes();
                if (THEORY_TOPICS.contains(c.topic())) {
                    missing.remove(c.topic());
                }
            } else if (c.kind() == CourseKind.PRACTICE) {
                practice += c.minutes();
                if (PRACTICE_TOPICS.contains(c.topic())) {
                    missing.remove(c.topic());
                }
            }
        }
        return new Progress(theory, practice, Set.copyOf(missing));
    }

    /** The day pre-job training became complete, if it has. */
    static Optional<LocalDate> completedOn(List<Credit> credits) {
        return credits.stream().map(Credit::on).distinct().sorted(Comparator.naturalOrder()).filter(d -> progress(credits, d).complete())
                .findFirst();
    }

    static Set<String> requiredTopics() {
        Set<String> all = new java.util.TreeSet<>(THEORY_TOPICS);
        all.addAll(PRACTICE_TOPICS);
        return all;
    }

}
