package org.jujia.region;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jujia.shared.Jurisdiction;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Regions", description = "The region tree and organisations under the caller's node")
class RegionApiController {

    private final RegionDirectory regions;

    RegionApiController(RegionDirectory regions) {
        this.regions = regions;
    }

    @GetMapping("/api/v1/regions")
    @Operation(summary = "The caller's node and everything below it (optionally one level)", description = "Example: /api/v1/regions?level=COMMUNITY")
    List<Region> list(@RequestParam(required = false) RegionLevel level, Jurisdiction j) {
        return level == null ? regions.tree(j) : regions.ofLevel(level, j);
    }

    @GetMapping("/api/v1/regions/{id}")
    Region get(@PathVariable long id, Jurisdiction j) {
        return regions.get(id, j);
    }

    @GetMapping("/api/v1/regions/{id}/children")
    List<Region> children(@PathVariable long id, Jurisdiction j) {
        regions.get(id, j);
        return regions.children(id, j);
    }

    @PostMapping("/api/v1/regions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_REGION_ADMIN')")
    @Operation(summary = "Create a node under one of mine", description = "Example: {\"code\":\"320508001005\",\"name\":\"大儒巷社区\",\"level\":\"COMMUNITY\",\"parentId\":3}")
    Region create(@RequestBody RegionDirectory.NewRegion input, Jurisdiction j) {
        return regions.create(input, j);
    }

    @PutMapping("/api/v1/regions/{id}")
    @PreAuthorize("hasAuthority('PERM_REGION_ADMIN')")
    Region update(@PathVariable long id, @RequestBody RegionDirectory.RegionChange change, Jurisdiction j) {
        return regions.update(id, change, j);
    }

    @GetMapping("/api/v1/organisations")
    @Operation(summary = "Organisations attached to nodes under mine")
    List<Organisation> organisations(@RequestParam(required = false) OrganisationType type, Jurisdiction j) {
        return type == null ? regions.organisations(j) : regions.organisationsOfType(type, j);
    }

    @PostMapping("/api/v1/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_REGION_ADMIN')")
    Organisation createOrganisation(@RequestBody RegionDirectory.OrganisationInput input, Jurisdiction j) {
        return regions.saveOrganisation(null, input, j);
    }

    @PutMapping("/api/v1/organisations/{id}")
    @PreAuthorize("hasAuthority('PERM_REGION_ADMIN')")
    Organisation updateOrganisation(@PathVariable long id, @RequestBody RegionDirectory.OrganisationInput input, Jurisdiction j) {
        return regions.saveOrganisation(id, input, j);
    }
}
