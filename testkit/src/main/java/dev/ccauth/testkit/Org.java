package dev.ccauth.testkit;

import dev.ccauth.testkit.Directory.Users;

/**
 * Who exists in the sandbox: its clients, its CXone tenant and how many people it lists.
 * Fixed values by default, so the standalone sandbox prints the same demo credentials
 * every run.
 */
record Org(ClientCredentials genesysClient, ClientCredentials cxoneClient, AccessKey accessKey, String tenantId,
		long businessUnitId, String accessKeyOwnerId, Users users, int agents) {

	static final ClientCredentials DEMO_GENESYS_CLIENT = new ClientCredentials("5b0c4f2e-9d7a-4c1e-8a3f-5a4db0c5a11d",
			"sandbox-genesys-secret-Vq3ZkP8mW2xR7tN4");
	static final ClientCredentials DEMO_CXONE_CLIENT = new ClientCredentials("ccauth-sandbox-cxone-app",
			"sandbox-cxone-secret-Hj6Lp2Qs9Xv4Bn7Kt3");

	static Org demo(ClientCredentials genesysClient, ClientCredentials cxoneClient, Users users, int agents) {
		return new Org(genesysClient, cxoneClient,
				// real access key secrets contain reserved characters: clients must
				// form-encode them
				new AccessKey("SBXAKQ7Z3M5N8P2R4T6V9W1Y", "sbx/Ak+3r=Tq%9w&Zx/Lm+Np=Q8%vR&s2=="),
				"8d5a3c1e-2f4b-4e6a-9c7d-1b3e5f7a9c0e", 4_600_001L, "2a7e4c9b-6d1f-4b3a-8e5c-7f9d0a2b4c6e", users,
				agents);
	}
}
