using ECommerce.DevHost;

return await DevHostRunner.RunAsync(args);
