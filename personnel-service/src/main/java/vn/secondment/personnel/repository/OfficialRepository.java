package vn.secondment.personnel.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.personnel.Official;

import java.util.UUID;

@ApplicationScoped
public class OfficialRepository implements PanacheRepositoryBase<Official, UUID> {
}
