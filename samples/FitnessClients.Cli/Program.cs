using FitnessClients.Cli;

return await CliApp.RunAsync(args, CliEnvironment.FromProcess());
