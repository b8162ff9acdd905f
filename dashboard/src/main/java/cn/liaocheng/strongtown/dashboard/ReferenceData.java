package cn.liaocheng.strongtown.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.town.TownRegistry;

/** The town list and the catalog versions, read once at start and shared by every service. */
@Configuration
public class ReferenceData {

    @Bean
    public TownRegistry townRegistry(StrongTownProperties properties) {
        return TownRegistry.load(properties.data().resolve("reference"));
    }

    @Bean
    public CatalogRepository catalogRepository(StrongTownProperties properties) {
        return CatalogRepository.load(properties.data().resolve("catalog"));
    }
}
