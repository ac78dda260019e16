package vn.secondment.personnel.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.personnel.readmodel.KnownAssignment;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class KnownAssignmentRepository implements PanacheRepositoryBase<KnownAssignment, UUID> {

    public List<KnownAssignment> ofOfficial(UUID officialId) {
        return list("officialId", officialId);
    }

    public List<KnownAssignment> ofOfficials(Collection<UUID> officialIds) {
        return officialIds.isEmpty() ? List.of() : list("officialId in ?1", officialIds);
    }
}
