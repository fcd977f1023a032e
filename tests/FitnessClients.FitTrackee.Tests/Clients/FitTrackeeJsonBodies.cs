using System.Globalization;

namespace FitnessClients.FitTrackee.Tests.Clients;

/// <summary>Small FitTrackee response bodies in the server's shapes (see the reference's B.3 to B.5).</summary>
internal static class FitTrackeeJsonBodies
{
    public static string Config(string version = "1.2.2", long maxSingle = 1048576) =>
        $$"""{"data":{"version":"{{version}}","max_single_file_size":{{maxSingle}},"max_zip_file_size":10485760,"file_limit_import":10,"file_sync_limit_import":10,"is_registration_enabled":false,"admin_contact":"admin@example.com"},"status":"success"}""";

    public static string Profile(string? timezone) =>
        $$"""{"data":{"username":"sam","email":"sam@example.com","timezone":{{(timezone is null ? "null" : "\"" + timezone + "\"")}},"nb_workouts":3,"imperial_units":false},"status":"success"}""";

    public const string Sports = """
        {"data":{"sports":[
          {"id":11,"label":"Cycling (Sport)","is_active":true,"is_active_for_user":true,"color":null,"stopped_speed_threshold":1},
          {"id":15,"label":"Running","is_active":true,"is_active_for_user":true,"color":null,"stopped_speed_threshold":0.1},
          {"id":17,"label":"Walking","is_active":true,"is_active_for_user":false,"color":null,"stopped_speed_threshold":0.1}
        ]},"status":"success"}
        """;

    public static string Workout(string id, DateTimeOffset start, string notes = "", bool withFile = true, int sportId = 15, double distance = 10.5) =>
        $$"""{"id":"{{id}}","sport_id":{{sportId}},"workout_date":"{{start.UtcDateTime.ToString("r", CultureInfo.InvariantCulture)}}","title":"Run {{id}}","notes":"{{notes.Replace("\n", "\\n", StringComparison.Ordinal)}}","duration":"1:02:03","moving":"0:58:00","distance":{{distance.ToString(CultureInfo.InvariantCulture)}},"with_file":{{(withFile ? "true" : "false")}},"workout_visibility":"private","records":[{"id":1,"record_type":"LD","value":"1:01:00"}]}""";

    public static string Page(IEnumerable<string> workouts, int page, int pages, int total) =>
        $$"""{"data":{"workouts":[{{string.Join(",", workouts)}}]},"pagination":{"has_next":{{(page < pages ? "true" : "false")}},"has_prev":{{(page > 1 ? "true" : "false")}},"page":{{page}},"pages":{{pages}},"total":{{total}}},"status":"success"}""";

    public static string Single(string workout, string status = "success") =>
        $$"""{"data":{"workouts":[{{workout}}]},"status":"{{status}}"}""";
}
