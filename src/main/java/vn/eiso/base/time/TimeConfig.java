package vn.eiso.base.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** One clock for the whole application, in the agencies' own time zone; scheduled jobs run on it. */
@Configuration
@EnableScheduling
class TimeConfig {

    @Bean
    Clock clock(@Value("${eiso.time-zone:Asia/Ho_Chi_Minh}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
