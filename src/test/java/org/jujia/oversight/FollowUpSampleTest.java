package org.jujia.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FollowUpSampleTest {

    @Test
    void ten_percent_rounds_up_so_every_provider_with_visits_gets_a_call() {
        assertThat(FollowUpSample.size(0, 10)).isZero();
        assertThat(FollowUpSample.size(1, 10)).isEqualTo(1);
        assertThat(FollowUpSample.size(10, 10)).isEqualTo(1);
        assertThat(FollowUpSample.size(11, 10)).isEqualTo(2);
        assertThat(FollowUpSample.size(100, 10)).isEqualTo(10);
        assertThat(FollowUpSample.size(101, 10)).isEqualTo(11);
    }

    @Test
    void zero_and_hundred_percent() {
        assertThat(FollowUpSample.size(50, 0)).isZero();
        assertThat(FollowUpSample.size(50, 100)).isEqualTo(50);
    }

    @Test
    void the_choice_is_distinct_visits_of_the_list() {
        List<Long> visits = LongStream.rangeClosed(1, 95).boxed().toList();
        List<Long> chosen = FollowUpSample.choose(visits, 10, new Random(7));
        assertThat(chosen).hasSize(10).doesNotHaveDuplicates();
        assertThat(visits).containsAll(chosen);
    }

    @Test
    void the_choice_is_random_every_visit_can_be_drawn() {
        List<Long> visits = LongStream.rangeClosed(1, 20).boxed().toList();
        var seen = new HashSet<Long>();
        Random random = new Random(1);
        for (int i = 0; i < 400; i++) {
            seen.addAll(FollowUpSample.choose(visits, 10, random));
        }
        assertThat(seen).hasSize(20);
    }
}
