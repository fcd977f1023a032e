namespace FitnessClients.Backup;

/// <summary>The shipped templates, in Properties format (kept in code until the project embeds resources).</summary>
internal static class CsvTemplateTexts
{
    public const string Default = """
        # The default activities.csv columns, after garmin-connect-export's csv_header_default.properties.
        startTimeIso=Start Time
        endTimeIso=End Time
        id=Activity ID
        activityName=Activity Name
        description=Description
        locationName=Location Name
        tzOffset=Offset
        duration=Duration (h:m:s)
        elapsedDuration=Elapsed Duration (h:m:s)
        movingDuration=Moving Duration (h:m:s)
        activityType=Activity Type
        eventType=Event Type
        privacy=Privacy
        distanceRaw=Distance (km)
        averageSpeedRaw=Average Speed (km/h)
        averageSpeedPace=Average Speed (km/h or min/km)
        averageMovingSpeedRaw=Average Moving Speed (km/h)
        averageMovingSpeedPace=Average Moving Speed (km/h or min/km)
        maxSpeedRaw=Max. Speed (km/h)
        maxSpeedPace=Max. Speed (km/h or min/km)
        elevationGain=Elevation Gain (m)
        elevationLoss=Elevation Loss (m)
        minElevation=Elevation Min. (m)
        maxElevation=Elevation Max. (m)
        elevationCorrected=Elevation Corrected
        startLatitude=Begin Latitude (\u00b0DD)
        startLongitude=Begin Longitude (\u00b0DD)
        endLatitude=End Latitude (\u00b0DD)
        endLongitude=End Longitude (\u00b0DD)
        maxHR=Max. Heart Rate (bpm)
        averageHR=Average Heart Rate (bpm)
        calories=Calories
        vo2max=VO2max
        aerobicEffect=Aerobic Training Effect
        anaerobicEffect=Anaerobic Training Effect
        averageRunCadence=Avg. Run Cadence
        maxRunCadence=Max. Run Cadence
        strideLength=Stride Length
        steps=Steps
        averageCadence=Avg. Cadence (rpm)
        maxCadence=Max. Cadence (rpm)
        averageTemperature=Avg. Temp (\u00b0C)
        minTemperature=Min. Temp (\u00b0C)
        maxTemperature=Max. Temp (\u00b0C)

        """;

    public const string AllExtra = """
        # Added by the "all" template.
        service=Service
        startTimeUtc=Start Time (UTC)
        startTimeMillis=Start Time (ms since 1970)
        durationSeconds=Duration (s)
        elapsedDurationSeconds=Elapsed Duration (s)
        movingDurationSeconds=Moving Duration (s)
        distanceMeters=Distance (m)
        averageSpeedMps=Average Speed (m/s)
        maxSpeedMps=Max. Speed (m/s)
        activityTypeKey=Activity Type Key
        activityTypeId=Activity Type ID
        parentTypeId=Parent Type ID
        eventTypeKey=Event Type Key
        hasGpsTrack=Has GPS Track
        manualActivity=Manual Activity
        avgPower=Avg. Power (W)
        maxPower=Max. Power (W)
        normPower=Normalized Power (W)
        trainingLoad=Training Load
        files=Files
        notAvailable=Formats Not Available

        """;
}
