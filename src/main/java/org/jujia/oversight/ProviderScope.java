package org.jujia.oversight;

import java.util.List;
import java.util.Optional;
import org.jujia.access.UserAccounts;
import org.jujia.region.Organisation;
import org.jujia.region.OrganisationType;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Which providers a caller may see in oversight: a provider operator only its own provider; everyone else the providers
 * attached to a node within their jurisdiction.
 */
@Component
class ProviderScope {

    private final RegionDirectory regions;
    private final UserAccounts users;

    ProviderScope(RegionDirectory regions, UserAccounts users) {
        this.regions = regions;
        this.users = users;
    }

    /** The caller's own service provider when the caller works for one, else empty. */
    Optional<Organisation> ownProvider(Jurisdiction j) {
        if (j.userId() == 0) {
            return Optional.empty();
        }
        Long org = users.get(j.userId(), Jurisdiction.system("/")).organisationId();
        return org == null ? Optional.empty() : provider(org);
    }

    Optional<Organisation> provider(long id) {
        return regions.findOrganisation(id).filter(o -> o.type() == OrganisationType.SERVICE_PROVIDER);
    }

    List<Organisation> visible(Jurisdiction j) {
        Optional<Organisation> own = ownProvider(j);
        if (own.isPresent()) {
            return List.of(own.get());
        }
        return regions.organisationsOfType(OrganisationType.SERVICE_PROVIDER, j);
    }

    /** The provider if the caller may see it, else "not found". */
    Organisation require(long providerId, Jurisdiction j) {
        return visible(j).stream().filter(o -> o.id() == providerId).findFirst().orElseThrow(() -> new NotFoundException("provider", providerId));
    }

    /** All service providers (for the platform's own jobs). */
    List<Organisation> all() {
        return regions.organisationsOfType(OrganisationType.SERVICE_PROVIDER, Jurisdiction.system("/"));
    }

    String pathOf(Organisation o) {
        return regions.find(o.nodeId()).map(r -> r.path()).orElse("/");
    }
}
