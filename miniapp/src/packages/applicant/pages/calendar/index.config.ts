export default definePageConfig({ navigationBarTitleText: '日程' });
