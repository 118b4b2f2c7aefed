package dev.hndeepest.benchmark;

/**
 * AWS list prices the report turns counted calls into dollars with: us-east-1, on-demand, first
 * tier, no free tier, as published in June 2025 (Lambda and SQS unchanged since 2020; DynamoDB
 * on-demand since its 50% cut of 1 November 2024).
 */
final class Prices {
  static final String AS_OF = "us-east-1 list prices as published in June 2025, first tier, free tier left out";
  static final double LAMBDA_X86_PER_GB_SECOND = 0.0000166667;
  static final double LAMBDA_ARM64_PER_GB_SECOND = 0.0000133334;
  static final double LAMBDA_PER_MILLION_REQUESTS = 0.20;
  static final double SQS_STANDARD_PER_MILLION_REQUESTS = 0.40;
  static final double DYNAMODB_PER_MILLION_WRITE_UNITS = 0.625;
  static final double DYNAMODB_PER_MILLION_READ_UNITS = 0.125;
  /** Lambda gives a function one vCPU at 1,769 MB, in proportion below and above. */
  static final double MB_PER_VCPU = 1769;

  private Prices() {}
}
