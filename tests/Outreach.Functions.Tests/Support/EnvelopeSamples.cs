namespace Outreach.Functions.Tests.Support;

/// <summary>Invocation bodies in the shapes of shared/reference/custom_handler.md: the documented sample and what real hosts send.</summary>
internal static class EnvelopeSamples
{
    /// <summary>DOC-CH's queue sample (binding renamed to the test function's): single-encoded text, numeric DequeueCount.</summary>
    public const string QueueDocumented = """
        { "Data": { "item": "{ message: \"Message sent\" }" },
          "Metadata": { "DequeueCount": 1, "ExpirationTime": "2019-10-16T17:58:31+00:00",
            "Id": "800ae4b3-bdd2-4c08-badd-f08e5a34b865", "InsertionTime": "2019-10-09T17:58:31+00:00",
            "NextVisibleTime": "2019-10-09T18:08:32+00:00", "PopReceipt": "AgAAAAMAAAAAAAAAAgtnj8x+1QE=",
            "sys": { "MethodName": "QueueTrigger", "UtcNow": "2019-10-09T17:58:32.2205399Z",
                     "RandGuid": "24ad4c06-24ad-4e5b-8294-3da9714877e9" } } }
        """;

    /// <summary>A real host's queue body: double-encoded Data, DequeueCount as a string, quoted Id and PopReceipt, promoted properties.</summary>
    public const string QueueRealHost = """
        { "Data": { "item": "\"{\\\"message\\\":\\\"hello\\\"}\"" },
          "Metadata": { "DequeueCount": "2",
            "ExpirationTime": "2023-10-12T20:13:49.640002Z",
            "Id": "\"4e773554-f6b7-4ea2-b07d-4c5fd5aba741\"",
            "InsertionTime": "2023-10-12T20:13:49.640002Z", "NextVisibleTime": "2023-10-12T20:23:49.640002Z",
            "PopReceipt": "\"AgAAAAMAAAAAAAAAtrGA0b/92QE=\"",
            "sys": { "MethodName": "Echo", "UtcNow": "2023-10-12T20:13:50Z", "RandGuid": "0b5a2c2e-4f6d-4e1e-9a0b-4a7d8d2a1c11" },
            "message": "\"hello\"" } }
        """;

    public const string TimerWithStatus = """
        { "Data": { "tick": { "Schedule": { "AdjustForDST": true },
            "ScheduleStatus": { "Last": "2023-10-12T20:10:00Z", "Next": "2023-10-12T20:15:00Z", "LastUpdated": "2023-10-12T20:10:00.5Z" },
            "IsPastDue": true } },
          "Metadata": { "sys": { "MethodName": "Tick", "UtcNow": "2023-10-12T20:15:00Z", "RandGuid": "7d6e2b1a-1a2b-4c3d-8e9f-0a1b2c3d4e5f" } } }
        """;

    public const string TimerWithoutStatus = """
        { "Data": { "tick": { "Schedule": { "AdjustForDST": true }, "ScheduleStatus": null, "IsPastDue": false } },
          "Metadata": { "sys": { "MethodName": "Tick", "UtcNow": "2023-10-12T20:15:00Z", "RandGuid": "7d6e2b1a-1a2b-4c3d-8e9f-0a1b2c3d4e5f" } } }
        """;
}
