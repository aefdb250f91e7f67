package org.jujia.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param elders how many elders the demo district gets
 * @param staff  how many staff accounts (caregivers) the three providers get
 * @param seed   random seed, so every demo run generates the same district
 * @param assessedPerCommunity how many elders of each community get assessments, caregivers and tasks
 */
@ConfigurationProperties("jujia.demo")
record DemoProperties(Integer elders, Integer staff, Long seed, Integer assessedPerCommunity) {

    DemoProperties {
        assessedPerCommunity = assessedPerCommunity == null ? 25 : assessedPerCommunity;
        elders = elders == null ? 2000 : elders;
        staff = staff == null ? 60 : staff;
        seed = seed == null ? 20261123L : seed;
    }
}
