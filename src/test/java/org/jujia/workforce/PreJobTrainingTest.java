package org.jujia.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreJobTrainingTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 31);

    @Test
    void eightyHoursOfEachKindAndEveryTopic() {
        var full = AssignabilityTest.fullTraining(DAY);
        var p = PreJobTraining.progress(full, DAY);
        assertThat(p.theoryMinutes()).isEqualTo(4800);
        assertThat(p.practiceMinutes()).isEqualTo(4800);
        assertThat(p.missingTopics()).isEmpty();
        assertThat(p.complete()).isTrue();
        assertThat(PreJobTraining.completedOn(full)).contains(DAY);
    }

    @Test
    void oneHundredSixtyHoursOfTheoryAloneIsNotEnough() {
        List<PreJobTraining.Credit> c = new ArrayList<>();
        c.add(new PreJobTraining.Credit(CourseKind.THEORY, "LAW", 100 * 60, DAY));
        c.add(new PreJobTraining.Credit(CourseKind.THEORY, "PSYCHOLOGY", 30 * 60, DAY));
        c.add(new PreJobTraining.Credit(CourseKind.THEORY, "FIRST_AID", 30 * 60, DAY));
        var p = PreJobTraining.progress(c, DAY);
        assertThat(p.totalMinutes()).isEqualTo(9600);
        assertThat(p.complete()).isFalse();
        assertThat(p.missingTopics()).containsExactlyInAnyOrder("TURNING", "HEIMLICH", "AED");
    }

    @Test
    void aMissingTopicBlocksEvenWithTheHours() {
        List<PreJobTraining.Credit> c = new ArrayList<>(AssignabilityTest.fullTraining(DAY));
        c.removeIf(x -> x.topic().equals("HEIMLICH"));
        c.add(new PreJobTraining.Credit(CourseKind.PRACTICE, "OTHER", 24 * 60, DAY));
        var p = PreJobTraining.progress(c, DAY);
        assertThat(p.practiceMinutes()).isEqualTo(4800);
        assertThat(p.missingTopics()).containsExactly("HEIMLICH");
        assertThat(p.complete()).isFalse();
        assertThat(PreJobTraining.completedOn(c)).isEmpty();
    }

    @Test
    void halfAnHourShortOnTheoryIsShort() {
        List<PreJobTraining.Credit> c = new ArrayList<>(AssignabilityTest.fullTraining(DAY));
        c.set(0, new PreJobTraining.Credit(CourseKind.THEORY, "LAW", 24 * 60 - 30, DAY.minusDays(20)));
        c.add(new PreJobTraining.Credit(CourseKind.PRACTICE, "AED", 30, DAY));
        var p = PreJobTraining.progress(c, DAY);
        assertThat(p.totalMinutes()).as("160 h in total").isEqualTo(9600);
        assertThat(p.theoryMinutes()).isEqualTo(4770);
        assertThat(p.complete()).isFalse();
    }

    @Test
    void inServiceCoursesDoNotCountForPreJob() {
        List<PreJobTraining.Credit> c = new ArrayList<>(AssignabilityTest.fullTraining(DAY));
        c.set(5, new PreJobTraining.Credit(CourseKind.IN_SERVICE, "AED", 32 * 60, DAY));
        assertThat(PreJobTraining.progress(c, DAY).complete()).isFalse();
    }
}
