package vn.eiso.search;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SearchConfig {

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(@Value("${eiso.search.index-dir}") Path directory) {
        return SearchIndex.open(directory);
    }
}
