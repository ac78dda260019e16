package vn.secondment.personnel.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.personnel.HeldAssignment;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HeldAssignmentRepository implements PanacheRepositoryBase<HeldAssignment, UUID> {

    public List<HeldAssignment> ofOfficial(UUID officialId) {
        return list("officialId", officialId);
    }
}
