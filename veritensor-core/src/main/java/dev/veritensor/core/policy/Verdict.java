package dev.veritensor.core.policy;

/** Whether a scan passes the policy ({@code PASS}) or blocks the build ({@code FAIL}). */
public enum Verdict { PASS, FAIL }
