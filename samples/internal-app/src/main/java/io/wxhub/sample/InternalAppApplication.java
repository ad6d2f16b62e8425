package io.wxhub.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An internal app of a team that runs wxhub: it calls WeChat with WxJava, as it did
 * before, and gets its tokens from the token server instead of holding the AppSecret.
 */
@SpringBootApplication
public class InternalAppApplication {

	public static void main(String[] args) {
		SpringApplication.run(InternalAppApplication.class, args);
	}

}
