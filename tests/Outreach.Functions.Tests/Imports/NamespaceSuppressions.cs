using System.Diagnostics.CodeAnalysis;

// Test folders mirror the source folders; "Imports" is the feature folder named in design.md.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Outreach.Functions.Tests.Imports", Justification = "Mirrors functions/Outreach.Functions/Imports.")]
