package org.jujia.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jujia.shared.CareColour;
import org.jujia.shared.ConflictException;

/**
 * One assessment sitting of an elder: item-level answers, the results the platform computed from them, who
 * assessed where and when. A draft can be re-answered; a signed assessment never changes again — a correction is
 * a new assessment that references the one it corrects.
 */
public record Assessment(long id, long elderId, String regionPath, Status status, AssessmentReason reason, Long correctsId,
        long assessorId, String assessorName, Instant assessedAt, String place, Map<String, Object> answers,
        Map<String, Object> results, String scorerVersion, CareColour colour, List<String> flags, int barthelTotal,
        Integer gbtTotal, Instant signedAt, String signature, int version) {

    public enum Status {
        DRAFT, SIGNED
    }

    public boolean signed() {
        return status == Status.SIGNED;
    }

    /** Refuses any change to a signed assessment. */
    void requireDraft() {
        if (signed()) {
            throw new ConflictException("status", "assessment " + id + " is signed and cannot change; record a correction instead");
        }
    }
}
