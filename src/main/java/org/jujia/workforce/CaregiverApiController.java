package org.jujia.workforce;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ImageData;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Caregiver profiles and face enrolment (PLATFORM.md §9). */
@RestController
@RequestMapping("/api/v1/staff/caregivers")
@Tag(name = "Caregivers", description = "Caregiver profiles: provider, qualifications, skill level, base, face enrolment for visit "
        + "verification, blacklist status")
class CaregiverApiController {

    private final Workforce workforce;

    CaregiverApiController(Workforce workforce) {
        this.workforce = workforce;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    @Operation(summary = "Caregivers within the caller's jurisdiction, optionally of one provider")
    List<Caregiver> list(@RequestParam(required = false) Long providerId, Jurisdiction j) {
        return workforce.list(providerId, j);
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One caregiver (caregivers may read their own profile)")
    Caregiver get(@PathVariable long userId, Jurisdiction j) {
        return workforce.get(userId, j);
    }

    @PutMapping("/{userId}")
    @PreAuthorize("hasAuthority('PERM_STAFF_ADMIN')")
    @Operation(summary = "Create or replace a caregiver's profile")
    Caregiver save(@PathVariable long userId, @RequestBody Workforce.ProfileInput in, Jurisdiction j) {
        return workforce.saveProfile(userId, in, j);
    }

    /** A face photo: base64 JPEG (a {@code data:image/jpeg;base64,} URL is accepted too). */
    record FaceInput(String photo) {
    }

    @PutMapping("/{userId}/face")
    @PreAuthorize("hasAuthority('PERM_STAFF_ADMIN')")
    @Operation(summary = "Enrol the caregiver's face photo (JPEG ≤ 2 MB) for visit verification; stored SM4-sealed")
    ResponseEntity<Void> enrolFace(@PathVariable long userId, @RequestBody FaceInput in, Jurisdiction j) {
        workforce.enrolFace(userId, ImageData.decodeBase64("photo", in == null ? null : in.photo()), j);
        return ResponseEntity.noContent().build();
    }
}
