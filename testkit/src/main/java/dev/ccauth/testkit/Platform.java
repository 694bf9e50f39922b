package dev.ccauth.testkit;

/** The two platforms the sandbox emulates. */
public enum Platform {

	GENESYS, CXONE

}
