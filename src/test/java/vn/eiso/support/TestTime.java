package vn.eiso.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * Tests run on the day the run chooses, not on the day the build happens: {@code -Deiso.test.now=2027-01-05T09:00}
 * runs the whole suite on 5 January (application-test.properties holds the default, an ordinary working day).
 */
@Configuration
@Profile("test")
public class TestTime {

    @Bean
    @Primary
    TestClock testClock(@Value("${eiso.test.now}") String now, @Value("${eiso.time-zone:Asia/Ho_Chi_Minh}") String zone) {
        return TestClock.startingAt(LocalDateTime.parse(now), ZoneId.of(zone));
    }
}
