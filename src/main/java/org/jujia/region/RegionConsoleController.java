package org.jujia.region;

import java.util.List;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ValidationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console administration of the region tree and organisations. */
@Controller
@PreAuthorize("hasAuthority('PERM_REGION_ADMIN')")
class RegionConsoleController {

    private final RegionDirectory regions;

    RegionConsoleController(RegionDirectory regions) {
        this.regions = regions;
    }

    @GetMapping("/admin/regions")
    String tree(Jurisdiction j, Model model) {
        List<Region> tree = regions.tree(j);
        model.addAttribute("tree", tree);
        model.addAttribute("organisations", regions.organisations(j));
        model.addAttribute("levels", RegionLevel.values());
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("parents", tree.stream().filter(r -> r.level() != RegionLevel.COMPLEX).toList());
        return "region/tree";
    }

    @PostMapping("/admin/regions")
    String create(RegionDirectory.NewRegion input, Jurisdiction j, RedirectAttributes flash) {
        try {
            regions.create(input, j);
            flash.addFlashAttribute("saved", true);
        } catch (ValidationException | ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/regions";
    }

    @PostMapping("/admin/regions/{id}")
    String update(@PathVariable long id, RegionDirectory.RegionChange change, Jurisdiction j, RedirectAttributes flash) {
        try {
            regions.update(id, change, j);
            flash.addFlashAttribute("saved", true);
        } catch (ValidationException | ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/regions";
    }

    @PostMapping("/admin/organisations")
    String createOrganisation(RegionDirectory.OrganisationInput input, Jurisdiction j, RedirectAttributes flash) {
        try {
            regions.saveOrganisation(null, input, j);
            flash.addFlashAttribute("saved", true);
        } catch (ValidationException | ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/regions";
    }
}
